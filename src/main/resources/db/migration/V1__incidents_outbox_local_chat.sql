-- Incidents and everything that happened to them; the database is the truth.
create sequence incident_number_seq start 1;

create table incident (
    id               bigserial primary key,
    number           integer      not null unique,
    service          varchar(100) not null,
    severity         varchar(50)  not null,
    incident_type    varchar(100),
    title            text         not null,
    channel          varchar(120) not null unique,
    phase            varchar(20)  not null,
    phase_entered_at timestamptz  not null,
    declared_by      varchar(200) not null,
    declared_at      timestamptz  not null,
    manager          varchar(100),
    acknowledged_at  timestamptz,
    escalation_level integer      not null default 1,
    last_update_at   timestamptz,
    summary          text,
    resolved_at      timestamptz,
    closed_at        timestamptz,
    drill            boolean      not null default false,
    version          bigint       not null default 0
);
create index incident_open on incident (phase) where phase <> 'CLOSED';

create table incident_role (
    id          bigserial primary key,
    incident_id bigint       not null references incident (id),
    role        varchar(100) not null,
    person      varchar(100) not null,
    assigned_at timestamptz  not null,
    unique (incident_id, role, person)
);

create table incident_step (
    id          bigserial primary key,
    incident_id bigint      not null references incident (id),
    number      integer     not null,
    kind        varchar(20) not null,
    text        text        not null,
    runbook     text,
    status      varchar(20) not null,
    actor       varchar(200),
    reason      text,
    changed_at  timestamptz,
    version     bigint      not null default 0,
    unique (incident_id, number)
);

create table timeline_event (
    id          bigserial primary key,
    incident_id bigint       not null references incident (id),
    at          timestamptz  not null,
    actor       varchar(200) not null,
    type        varchar(40)  not null,
    details     text         not null
);
create index timeline_event_incident on timeline_event (incident_id, id);

create table manager_assignment (
    id          bigserial primary key,
    person      varchar(100) not null,
    incident_id bigint       not null references incident (id),
    assigned_at timestamptz  not null
);
create index manager_assignment_person on manager_assignment (person, assigned_at);

create table lesson (
    id          bigserial primary key,
    incident_id bigint       not null references incident (id),
    author      varchar(200) not null,
    text        text         not null,
    created_at  timestamptz  not null
);

create table report (
    id          bigserial primary key,
    incident_id bigint       not null unique references incident (id),
    markdown    text         not null,
    created_by  varchar(200) not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

-- A request delivered twice (a chat platform's retry, a double click) is handled once.
create table handled_request (
    request_id varchar(200) primary key,
    handled_at timestamptz  not null
);

-- Transactional outbox: every message is committed with the change that caused it.
create table outbox_message (
    id               bigserial primary key,
    created_at       timestamptz  not null,
    incident_id      bigint,
    destination_kind varchar(20)  not null,
    destination      varchar(200) not null,
    body             text         not null,
    status           varchar(20)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    sent_at          timestamptz,
    last_error       text
);
create index outbox_message_pending on outbox_message (next_attempt_at, id) where status = 'PENDING';

-- The local web chat's messages.
create table local_message (
    id        bigserial primary key,
    channel   varchar(200) not null,
    user_name varchar(200) not null,
    text      text         not null,
    buttons   text,
    ts        timestamptz  not null
);
create index local_message_channel on local_message (channel, id);
