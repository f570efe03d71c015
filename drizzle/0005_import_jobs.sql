CREATE TABLE `import_chunks` (
	`job_id` text NOT NULL,
	`seq` integer NOT NULL,
	`first` integer NOT NULL,
	`items` integer NOT NULL,
	`key` text NOT NULL,
	`status` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`job_id`, `seq`),
	FOREIGN KEY (`job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_chunks_pending_idx` ON `import_chunks` (`status`,`updated_at`);--> statement-breakpoint
CREATE TABLE `import_items` (
	`job_id` text NOT NULL,
	`seq` integer NOT NULL,
	`status` text NOT NULL,
	`line` integer,
	`file` text,
	`guid` text,
	`article_id` text,
	`revision` integer,
	`code` text,
	`message` text,
	`retryable` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`job_id`, `seq`),
	FOREIGN KEY (`job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_items_status_idx` ON `import_items` (`job_id`,`status`);--> statement-breakpoint
CREATE TABLE `import_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`format` text NOT NULL,
	`content_type` text NOT NULL,
	`archive_key` text NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`chunks` integer DEFAULT 0 NOT NULL,
	`split` integer DEFAULT false NOT NULL,
	`split_at` integer DEFAULT 0 NOT NULL,
	`split_state` text,
	`error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE INDEX `import_jobs_created_idx` ON `import_jobs` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `import_jobs_status_idx` ON `import_jobs` (`status`,`updated_at`);