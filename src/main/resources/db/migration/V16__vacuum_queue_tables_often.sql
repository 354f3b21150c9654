-- The queue tables churn: every chat request inserts and deletes a chat_inbox row, every message is claimed
-- (outbox_claim, inserted and deleted) and marked sent. Between autovacuum's default passes (20 % of the table dead)
-- tens of thousands of dead entries pile up in their indexes, and each claim of the oldest pending messages steps
-- over them: under a burst PostgreSQL's CPU per command doubled (bench/README.md, round 11). Vacuum them after a
-- few thousand dead rows instead, whatever their size.
alter table chat_inbox set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0);
alter table outbox_claim set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0);
alter table outbox_message set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0);
