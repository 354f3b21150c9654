-- A claim of outbox messages, committed on its own before they are sent: if the delivering transaction never
-- commits (a crash, a lost database connection), the next claim finds the mark and looks on the platform before
-- sending again. No foreign key: the delivering transaction holds the message rows FOR UPDATE, which a key check
-- from the claim's own transaction would wait on.
create table outbox_claim (
    outbox_id bigint primary key,
    claimed_at timestamp with time zone not null
);

-- The last try failed without an answer saying what happened (a dropped connection, a timeout, a 5xx): the message
-- may have arrived. A refusal that says "not now" (429) leaves it false.
alter table outbox_message add column outcome_unknown boolean not null default false;
