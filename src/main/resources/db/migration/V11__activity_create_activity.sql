-- Activities (沟通记录 / 客户互动, CATALOG 1.4, features 11 and 12): calls, visits, meetings, e-mails, notes and
-- tasks, on a customer or on a lead. A task's occurred_at is its due time. Sized for 10M rows: every screen reads
-- one of the indexes below, newest first, with a limit.
create sequence activity_seq increment by 50;

create table activity (
    id                bigint      not null,
    type              text        not null,
    subject           text        not null,
    details           text,
    occurred_at       timestamptz not null,
    customer_id       bigint,
    contact_id        bigint,
    opportunity_id    bigint,
    lead_id           bigint,
    owner_id          bigint      not null,
    created_by        bigint      not null,
    next_follow_up_on date,
    done              boolean     not null default false,
    done_at           timestamptz,
    remind_at         timestamptz,
    reminded_at       timestamptz,
    version           bigint      not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    constraint activity_pk primary key (id),
    constraint activity_customer_fk foreign key (customer_id) references customer (id),
    constraint activity_contact_fk foreign key (contact_id) references contact (id),
    constraint activity_opportunity_fk foreign key (opportunity_id) references opportunity (id) on delete set null,
    constraint activity_lead_fk foreign key (lead_id) references lead (id),
    constraint activity_owner_fk foreign key (owner_id) references app_user (id),
    constraint activity_created_by_fk foreign key (created_by) references app_user (id),
    constraint activity_type_ck check (type in ('CALL', 'VISIT', 'MEETING', 'EMAIL', 'NOTE', 'TASK')),
    constraint activity_subject_ck check (char_length(subject) between 1 and 200),
    constraint activity_subject_of_ck check (customer_id is not null or lead_id is not null),
    constraint activity_contact_needs_customer_ck check (contact_id is null or customer_id is not null),
    constraint activity_opportunity_needs_customer_ck check (opportunity_id is null or customer_id is not null),
    constraint activity_done_ck check (done = (done_at is not null)),
    constraint activity_task_only_ck check (type = 'TASK' or (not done and remind_at is null))
);

-- the customer 360 timeline and the lists on a customer, a lead and a deal
create index activity_customer_idx on activity (customer_id, occurred_at desc, id desc) where customer_id is not null;
create index activity_lead_idx on activity (lead_id, occurred_at desc, id desc) where lead_id is not null;
create index activity_opportunity_idx on activity (opportunity_id, occurred_at desc, id desc)
    where opportunity_id is not null;
create index activity_contact_idx on activity (contact_id) where contact_id is not null;
-- a rep's own activities (API without a filter) and the handover of their open tasks
create index activity_owner_idx on activity (owner_id, occurred_at desc, id desc);
create index activity_created_by_idx on activity (created_by);
-- open tasks by owner and due time ("tasks", "my day")
create index activity_open_task_idx on activity (owner_id, occurred_at) where type = 'TASK' and not done;
-- the reminder job: pending reminders only, so the index stays small however many tasks there are
create index activity_pending_reminder_idx on activity (remind_at) where reminded_at is null and not done;
-- follow-ups due by owner ("my day"); superseded ones are filtered through activity_customer_idx / activity_lead_idx
create index activity_follow_up_idx on activity (owner_id, next_follow_up_on) where next_follow_up_on is not null;
