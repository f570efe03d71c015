-- Undated articles list after every dated one (src/articles/sort-key.ts): their sort key becomes
-- `!` and the time they went out, which sorts before every digit and so names no month.
UPDATE `articles` SET `sort_key` = '!' || `sort_key` WHERE `published_at` IS NULL AND `sort_key` NOT LIKE '!%';
--> statement-breakpoint
-- Every cached listing was made in the old order: bump the index scope's epoch.
-- Every cached listing was made in the old order: move each scope to a new epoch, as a write does.
UPDATE `cache_epochs` SET `epoch` = max(`epoch` + 1, CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER));
