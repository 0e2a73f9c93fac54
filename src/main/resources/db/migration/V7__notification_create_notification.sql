-- In-app notifications (large-deal alerts, task reminders…): one row per recipient, read or not.
create sequence notification_seq increment by 50;

create table notification (
    id           bigint      not null,
    recipient_id bigint      not null,
    kind         text        not null,
    message_key  text        not null,
    message_args text[]      not null default '{}',
    link         text,
    dedup_key    text,
    read_at      timestamptz,
    created_at   timestamptz not null default now(),
    constraint notification_pk primary key (id),
    constraint notification_recipient_fk foreign key (recipient_id) references app_user (id),
    constraint notification_dedup_uk unique (recipient_id, dedup_key)
);
create index notification_unread_idx on notification (recipient_id, created_at desc) where read_at is null;
create index notification_recipient_idx on notification (recipient_id, created_at desc);
