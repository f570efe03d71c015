-- Publishing: an article's status (draft, scheduled, published) and when a scheduled one goes
-- out, on the article and on each revision (a status change is a revision). Listings filter on
-- status, so it joins their index; the cron finds due articles on their own index.
DROP INDEX `articles_listing_idx`;--> statement-breakpoint
ALTER TABLE `articles` ADD `status` text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `publish_at` text;--> statement-breakpoint
CREATE INDEX `articles_due_idx` ON `articles` (`status`,`publish_at`);--> statement-breakpoint
CREATE INDEX `articles_listing_idx` ON `articles` (`deleted_at`,`status`,`sort_key`,`id`);--> statement-breakpoint
ALTER TABLE `revisions` ADD `status` text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE `revisions` ADD `publish_at` text;--> statement-breakpoint
-- article.published: the revision that makes an article published when the one before it was
-- not (or there was none), in the transaction of that write, like the other article events.
CREATE TRIGGER `webhook_article_published` AFTER INSERT ON `revisions`
WHEN NEW.`status` = 'published' AND COALESCE((SELECT `status` FROM `revisions`
  WHERE `article_id` = NEW.`article_id` AND `number` = NEW.`number` - 1), '') <> 'published'
BEGIN
  INSERT OR IGNORE INTO `webhook_events` (`id`, `type`, `article_id`, `revision`)
  VALUES (
    'msg_' || NEW.`article_id` || '_r' || NEW.`number` || '_published',
    'article.published',
    NEW.`article_id`,
    NEW.`number`
  );
END;
