ALTER TABLE `import_items` ADD `byte_offset` integer;--> statement-breakpoint
ALTER TABLE `import_jobs` ADD `skipped` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `import_jobs` ADD `error_code` text;--> statement-breakpoint
ALTER TABLE `import_jobs` ADD `nudged_at` text;