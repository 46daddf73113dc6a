-- The overdue-decision alert of a referral (services::notify_overdue_decisions, docs/api-services.md):
-- a referral still awaiting its decision past its deadline (one month from the request) alerts
-- the case's lead worker and the team's supervisors once. The sweep runs every hour and may run
-- in two processes at once (the server and `atbalsts services notify-overdue`), so the database
-- keeps it to one notification per user and referral. The referral comes first, so the sweep's
-- "has this referral alerted anyone" is a probe of this index, not a scan of the notifications.
CREATE UNIQUE INDEX notification_decision_overdue ON notification (entity_id, user_id)
  WHERE kind = 'decision_overdue';
