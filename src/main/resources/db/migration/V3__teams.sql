-- Teams conversations Warroom has seen or started: where to post later (the Bot Connector's service URL).
create table teams_conversation (
    conversation_id   varchar(300) primary key,
    service_url       varchar(500) not null,
    tenant_id         varchar(100),
    team_channel_id   varchar(300),
    conversation_type varchar(30),
    seen_at           timestamptz  not null
);
create index teams_conversation_seen on teams_conversation (seen_at);
