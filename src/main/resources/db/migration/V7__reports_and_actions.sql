-- Follow-up actions (`action <text> owner <person> [due <date>]`), numbered per incident.
create table follow_up_action (
    id          bigserial primary key,
    incident_id bigint       not null references incident (id),
    number      integer      not null,
    text        text         not null,
    owner       varchar(100) not null,
    due         date,
    created_by  varchar(200) not null,
    created_at  timestamptz  not null,
    unique (incident_id, number)
);

-- The written report with revisions: the latest draft is rewritten by `report`; an approved revision is never
-- changed again (a later change makes the next revision). exported_at: its Markdown file was written under
-- WARROOM_DATA_DIR/reports; export_error: why the last attempt failed (retried until it succeeds).
create table report_revision (
    id           bigserial primary key,
    incident_id  bigint       not null references incident (id),
    revision     integer      not null,
    markdown     text         not null,
    created_by   varchar(200) not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    approved_by  varchar(200),
    approved_at  timestamptz,
    exported_at  timestamptz,
    export_error text,
    unique (incident_id, revision)
);
create index report_revision_unexported on report_revision (id) where approved_at is not null and exported_at is null;

-- Reports stored before revisions become each incident's first draft.
insert into report_revision (incident_id, revision, markdown, created_by, created_at, updated_at)
select incident_id, 1, markdown, created_by, created_at, updated_at from report;
drop table report;
