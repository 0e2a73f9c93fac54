-- The audit trail (issue 6). Two append-only tables, written by shared.audit.AuditLog in the transaction of the change
-- they record, so there is no change without its record and no record of a change that rolled back.
--
-- audit_event: the admin-visible log of notable events (sign-ins and failed sign-ins, role changes, exports, imports,
-- merges, deletions); actor_name is copied so the row stays readable after the user is renamed or removed.
create sequence audit_event_seq increment by 50;
create sequence audit_change_seq increment by 50;

create table audit_event (
    id          bigint      not null,
    occurred_at timestamptz not null,
    actor_id    bigint,
    actor_name  text,
    kind        text        not null,
    entity_type text,
    entity_id   bigint,
    summary     text        not null,
    details     jsonb       not null default '{}',
    remote_addr text,
    constraint audit_event_pk primary key (id),
    constraint audit_event_kind_ck check (kind in ('LOGIN_SUCCESS', 'LOGIN_FAILURE', 'ROLE_CHANGE', 'USER_CHANGE',
        'EXPORT', 'IMPORT', 'IMPORT_UNDO', 'MERGE', 'DELETE')),
    constraint audit_event_summary_ck check (char_length(summary) between 1 and 1000)
);
-- the admin log: newest first, filtered by kind, by actor or by record
create index audit_event_time_idx on audit_event (occurred_at desc, id desc);
create index audit_event_kind_time_idx on audit_event (kind, occurred_at desc, id desc);
create index audit_event_actor_time_idx on audit_event (actor_id, occurred_at desc, id desc) where actor_id is not null;
create index audit_event_entity_idx on audit_event (entity_type, entity_id, occurred_at desc) where entity_id is not null;

-- audit_change: field-level history of customers, contacts, opportunities, orders and tickets: who changed which
-- field from what to what, and when (the "history" tab and GET /api/v1/{type}/{id}/history). One row per field.
create table audit_change (
    id          bigint      not null,
    entity_type text        not null,
    entity_id   bigint      not null,
    field       text        not null,
    old_value   text,
    new_value   text,
    changed_by  bigint,
    changed_at  timestamptz not null,
    -- rows written by one transaction share it, so the history groups them into one change
    tx_id       bigint      not null default txid_current(),
    constraint audit_change_pk primary key (id),
    constraint audit_change_type_ck check (entity_type in ('CUSTOMER', 'CONTACT', 'OPPORTUNITY', 'ORDER', 'TICKET'))
);
create index audit_change_entity_idx on audit_change (entity_type, entity_id, changed_at desc, id desc);
create index audit_change_user_idx on audit_change (changed_by, changed_at desc) where changed_by is not null;
