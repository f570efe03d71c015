ALTER TABLE `articles` ADD `modified_at` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `site_name` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `language` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `image_url` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `image_caption` text;