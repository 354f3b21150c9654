-- Chat requests acknowledged to Slack or Teams whose work is not done yet: stored before the acknowledgement, removed
-- when the work is done. A row left by a crash is run again (the core ignores a command whose request id it handled).
create table chat_inbox (
    id          bigserial primary key,
    kind        varchar(40)  not null,
    payload     text         not null,
    received_at timestamptz  not null
);
create index chat_inbox_received on chat_inbox (received_at);
