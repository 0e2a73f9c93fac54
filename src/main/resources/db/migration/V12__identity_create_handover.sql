-- Handovers (工作交接, CATALOG feature 19): a departing rep's customers, open leads, open deals and open tasks moved
-- to another rep in one action. One row per handover; counts per kind, keyed by message key.
create sequence handover_seq increment by 50;

create table handover (
    id           bigint      not null,
    performed_by bigint      not null,
    from_user_id bigint      not null,
    to_user_id   bigint      not null,
    performed_at timestamptz not null,
    counts       jsonb       not null default '{}',
    constraint handover_pk primary key (id),
    constraint handover_performed_by_fk foreign key (performed_by) references app_user (id),
    constraint handover_from_fk foreign key (from_user_id) references app_user (id),
    constraint handover_to_fk foreign key (to_user_id) references app_user (id),
    constraint handover_distinct_ck check (from_user_id <> to_user_id)
);
create index handover_performed_at_idx on handover (performed_at desc);
create index handover_from_idx on handover (from_user_id);
create index handover_to_idx on handover (to_user_id);
create index handover_performed_by_idx on handover (performed_by);
