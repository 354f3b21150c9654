-- Alertmanager notification groups and the incident each one declared: a group firing again does not declare twice.
create table alert_group (
    group_key     text         primary key,
    incident_id   bigint       references incident (id),
    status        varchar(20)  not null,
    first_seen_at timestamptz  not null,
    last_seen_at  timestamptz  not null,
    notifications int          not null
);
