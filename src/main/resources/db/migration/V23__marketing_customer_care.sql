-- Customer care by tier (客户分级管理, 客户关怀; CATALOG 1.11, 4.6, features 30-31): each value tier has care items
-- (greetings, periodic visits and calls, gifts), and a daily job turns the due ones into tasks for the customers'
-- owners. The tier is customer.importance until the analytics module computes value tiers.
create sequence care_item_seq increment by 50;
create sequence care_task_seq increment by 50;

-- The date of month/day in a year, clamped to the month's last day (a 29 February birthday is the 28th in other
-- years, a "31st" in a short month its last day), so an occasion never fails to exist.
create function care_occasion(y integer, m integer, d integer) returns date
    language sql immutable strict parallel safe
as $$
    select make_date(y, m, 1)
           + (least(d, extract(day from make_date(y, m, 1) + interval '1 month - 1 day')::integer) - 1)
$$;

create table care_item (
    id             bigint      not null,
    tier           text        not null,
    kind           text        not null,
    title          text        not null,
    -- HOLIDAY_GREETING: the holiday's name; its month-day is edited each year for lunar holidays (春节, 中秋节)
    holiday_name   text,
    -- HOLIDAY_GREETING always, GIFT optionally (without it a gift marks the anniversary of the first purchase)
    occasion_month smallint,
    occasion_day   smallint,
    -- PERIODIC_VISIT and PERIODIC_CALL only
    interval_days  integer,
    -- the task is created this many days before the occasion (and is due on it)
    lead_days      integer     not null default 0,
    active         boolean     not null default true,
    version        bigint      not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint care_item_pk primary key (id),
    constraint care_item_tier_ck check (tier in ('VIP', 'IMPORTANT', 'ORDINARY')),
    constraint care_item_kind_ck check (kind in ('BIRTHDAY_GREETING', 'HOLIDAY_GREETING', 'PERIODIC_VISIT',
        'PERIODIC_CALL', 'GIFT')),
    constraint care_item_title_ck check (char_length(title) between 1 and 100),
    constraint care_item_holiday_ck check ((kind = 'HOLIDAY_GREETING') = (holiday_name is not null)),
    constraint care_item_month_day_ck check ((occasion_month is null) = (occasion_day is null)
        and (occasion_month is null or (occasion_month between 1 and 12 and occasion_day between 1 and 31))),
    constraint care_item_month_day_kind_ck check (case kind
        when 'HOLIDAY_GREETING' then occasion_month is not null
        when 'GIFT' then true
        else occasion_month is null end),
    constraint care_item_interval_ck check ((kind in ('PERIODIC_VISIT', 'PERIODIC_CALL')) = (interval_days is not null)
        and (interval_days is null or interval_days between 7 and 730)),
    constraint care_item_lead_ck check (lead_days between 0 and 60)
);
create index care_item_tier_idx on care_item (tier, kind) where active;

-- One row per task the job created: the unique key (item, customer, occasion, contact) makes creation idempotent
-- and safe when two instances run the job at once (insert … on conflict do nothing). contact_id is set for an
-- enterprise contact's birthday; NULLS NOT DISTINCT makes the other rows unique on the first three columns.
create table care_task (
    id          bigint      not null,
    item_id     bigint      not null,
    customer_id bigint      not null,
    contact_id  bigint,
    occasion_on date        not null,
    owner_id    bigint      not null,
    -- set in the same transaction; null only if the task was deleted later (the log stays, so it is not recreated)
    activity_id bigint,
    created_at  timestamptz not null,
    constraint care_task_pk primary key (id),
    constraint care_task_uk unique nulls not distinct (item_id, customer_id, occasion_on, contact_id),
    constraint care_task_item_fk foreign key (item_id) references care_item (id),
    constraint care_task_customer_fk foreign key (customer_id) references customer (id),
    constraint care_task_contact_fk foreign key (contact_id) references contact (id) on delete cascade,
    constraint care_task_owner_fk foreign key (owner_id) references app_user (id),
    constraint care_task_activity_fk foreign key (activity_id) references activity (id) on delete set null
);
-- the care page: recent tasks overall, per item, and per owner (record rule)
create index care_task_occasion_idx on care_task (occasion_on desc, id desc);
create index care_task_item_occasion_idx on care_task (item_id, occasion_on desc, id desc);
create index care_task_owner_occasion_idx on care_task (owner_id, occasion_on desc, id desc);
create index care_task_customer_idx on care_task (customer_id);
create index care_task_activity_idx on care_task (activity_id);

-- Default programme (editable on /care). The ordinary tier's periodic call is inactive: ordinary customers are the
-- great majority (a million customers would mean thousands of calls a day for a handful of reps), so a manager
-- switches it on deliberately, for example after raising the interval.
insert into care_item (id, tier, kind, title, holiday_name, occasion_month, occasion_day, interval_days, lead_days,
                       active)
values (nextval('care_item_seq'), 'VIP', 'BIRTHDAY_GREETING', '生日问候', null, null, null, null, 3, true),
       (nextval('care_item_seq'), 'VIP', 'HOLIDAY_GREETING', '春节问候', '春节', 2, 17, null, 7, true),
       (nextval('care_item_seq'), 'VIP', 'GIFT', '首购周年礼品', null, null, null, null, 7, true),
       (nextval('care_item_seq'), 'VIP', 'GIFT', '中秋礼品', null, 9, 25, null, 10, true),
       (nextval('care_item_seq'), 'VIP', 'PERIODIC_VISIT', '定期拜访', null, null, null, 30, 3, true),
       (nextval('care_item_seq'), 'IMPORTANT', 'BIRTHDAY_GREETING', '生日问候', null, null, null, null, 1, true),
       (nextval('care_item_seq'), 'IMPORTANT', 'HOLIDAY_GREETING', '春节问候', '春节', 2, 17, null, 3, true),
       (nextval('care_item_seq'), 'IMPORTANT', 'HOLIDAY_GREETING', '国庆问候', '国庆节', 10, 1, null, 2, true),
       (nextval('care_item_seq'), 'IMPORTANT', 'PERIODIC_CALL', '定期电话回访', null, null, null, 60, 2, true),
       (nextval('care_item_seq'), 'ORDINARY', 'HOLIDAY_GREETING', '新年问候', '元旦', 1, 1, null, 2, true),
       (nextval('care_item_seq'), 'ORDINARY', 'PERIODIC_CALL', '定期电话回访', null, null, null, 180, 2, false);
