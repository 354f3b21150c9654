-- Where each incident lives and which platform delivers each outbox message.
alter table incident add column platform varchar(20) not null default 'local';
alter table outbox_message add column platform varchar(20) not null default 'local';
alter table outbox_message add column kind varchar(20) not null default 'MESSAGE';
drop index outbox_message_pending;
-- Messages to one destination go out in order: the dispatcher only takes the oldest pending one of each.
create index outbox_message_pending on outbox_message (platform, destination_kind, destination, id) where status = 'PENDING';

-- A local message that is kept up to date (a summary card, a checklist) carries its key.
alter table local_message add column message_key varchar(100);
create index local_message_key on local_message (channel, message_key) where message_key is not null;

-- A platform's own id for a channel Warroom opened (e.g. Slack's C0123 for inc-3-checkout-failing).
create table chat_conversation (
    id          bigserial primary key,
    platform    varchar(20)  not null,
    name        varchar(200) not null,
    external_id varchar(200) not null,
    created_at  timestamptz  not null,
    unique (platform, name)
);

-- A platform's own id for a message that is kept up to date or threaded on (e.g. Slack's ts).
create table chat_message_ref (
    id           bigserial primary key,
    platform     varchar(20)  not null,
    conversation varchar(200) not null,
    message_key  varchar(100) not null,
    external_id  varchar(200) not null,
    unique (platform, conversation, message_key)
);
create index chat_message_ref_external on chat_message_ref (platform, conversation, external_id);
