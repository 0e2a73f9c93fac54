-- SLA targets (服务级别): minutes to the first response and to the resolution, per priority and customer value tier
-- (the customer's importance for now). Tighter for higher tiers; admins tune them under /admin/sla.
create table sla_target (
    priority               text        not null,
    tier                   text        not null,
    first_response_minutes integer     not null,
    resolution_minutes     integer     not null,
    version                bigint      not null default 0,
    updated_at             timestamptz not null default now(),
    constraint sla_target_pk primary key (priority, tier),
    constraint sla_target_priority_ck check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    constraint sla_target_tier_ck check (tier in ('VIP', 'IMPORTANT', 'ORDINARY')),
    constraint sla_target_minutes_ck check (first_response_minutes > 0
        and resolution_minutes >= first_response_minutes)
);
insert into sla_target (priority, tier, first_response_minutes, resolution_minutes) values
    ('URGENT', 'VIP', 15, 120), ('URGENT', 'IMPORTANT', 30, 240), ('URGENT', 'ORDINARY', 60, 480),
    ('HIGH', 'VIP', 60, 480), ('HIGH', 'IMPORTANT', 120, 720), ('HIGH', 'ORDINARY', 240, 1440),
    ('NORMAL', 'VIP', 120, 1440), ('NORMAL', 'IMPORTANT', 240, 2880), ('NORMAL', 'ORDINARY', 480, 4320),
    ('LOW', 'VIP', 480, 2880), ('LOW', 'IMPORTANT', 720, 5760), ('LOW', 'ORDINARY', 1440, 10080);

-- An escalation step may notify several managers (an unassigned ticket: all of them) and raise the priority.
alter table ticket_escalation add column notified_user_ids bigint[] not null default '{}';
alter table ticket_escalation add column priority_raised_to text;
