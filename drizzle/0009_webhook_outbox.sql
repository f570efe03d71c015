-- The webhook outbox, filled by triggers: each event is written in the transaction (the D1
-- batch) of the change it reports, whichever path made it (a single upload, a group, an import,
-- a re-normalize, a delete, the cron ending a job), so a change that rolls back reports nothing.
-- Each id is made from what it reports, so one change is one event however often a statement runs.
CREATE TRIGGER `webhook_article_revision` AFTER INSERT ON `revisions`
BEGIN
  INSERT OR IGNORE INTO `webhook_events` (`id`, `type`, `article_id`, `revision`)
  VALUES (
    'msg_' || NEW.`article_id` || '_r' || NEW.`number`,
    CASE WHEN NEW.`number` = 1 THEN 'article.created' ELSE 'article.updated' END,
    NEW.`article_id`,
    NEW.`number`
  );
END;
--> statement-breakpoint
CREATE TRIGGER `webhook_article_deleted` AFTER UPDATE OF `deleted_at` ON `articles`
WHEN NEW.`deleted_at` IS NOT NULL AND OLD.`deleted_at` IS NULL
BEGIN
  INSERT OR IGNORE INTO `webhook_events` (`id`, `type`, `article_id`, `revision`)
  VALUES (
    'msg_' || NEW.`id` || '_r' || NEW.`revision` || '_deleted',
    'article.deleted',
    NEW.`id`,
    NEW.`revision`
  );
END;
--> statement-breakpoint
CREATE TRIGGER `webhook_import_completed` AFTER UPDATE OF `finished_at` ON `import_jobs`
WHEN NEW.`finished_at` IS NOT NULL AND OLD.`finished_at` IS NULL
BEGIN
  INSERT OR IGNORE INTO `webhook_events` (`id`, `type`, `job_id`)
  VALUES ('msg_imp_' || NEW.`id` || '_' || NEW.`finished_at`, 'import.completed', NEW.`id`);
END;
