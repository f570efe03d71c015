-- Authors and tags in any script get readable slugs (src/ingest/name-slug.ts). Their old slugs
-- (`tag-1pgij4` for 東京) are renamed by POST /api/maintenance/slugs, which cannot run in SQL: it
-- records each old slug here, and the old pages answer 301 to the new one.
CREATE TABLE `slug_redirects` (
	`kind` text NOT NULL,
	`old_slug` text NOT NULL,
	`new_slug` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`kind`, `old_slug`)
);
--> statement-breakpoint
CREATE INDEX `slug_redirects_new_idx` ON `slug_redirects` (`kind`,`new_slug`);