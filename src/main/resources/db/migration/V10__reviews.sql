-- Weekly review reminders (review.ReviewReminders): one row per publisher per ISO week, written
-- before the mail is sent, so a restart or a second node in the same week sends nothing again.
CREATE TABLE review_reminder (
    publisher_id VARCHAR(100) NOT NULL,
    week         VARCHAR(10)  NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (publisher_id, week)
);
