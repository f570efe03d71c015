ALTER TABLE `articles` ADD `title_key` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `headline_key` text;--> statement-breakpoint
CREATE INDEX `articles_title_key_idx` ON `articles` (`title_key`);--> statement-breakpoint
CREATE INDEX `articles_headline_key_idx` ON `articles` (`headline_key`);--> statement-breakpoint
ALTER TABLE `related` ADD `title_key` text;--> statement-breakpoint
CREATE INDEX `related_title_key_idx` ON `related` (`title_key`);