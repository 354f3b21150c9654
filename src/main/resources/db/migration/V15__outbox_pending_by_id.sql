-- The outbox claims the oldest due pending message that heads its destination (OutboxDispatcher.CLAIM_OLDEST_HEAD):
-- pending messages in id order, without reading past the sent ones. Before, every claim probed the first pending
-- message of every destination; with a thousand incident channels waiting that was a thousand probes per claim.
create index outbox_message_pending_id on outbox_message (id) where status = 'PENDING';
