-- Campaigns, continued (issue 5): an exhibition's contact plan as tasks in three phases (展前, 展中, 展后), the
-- post-show follow-up tasks already created per member customer (so the button is idempotent), and two indexes the
-- performance report reads (touched customers of one campaign; its lead members), both index-only.
create sequence campaign_task_seq increment by 50;

create table campaign_task (
    id          bigint      not null,
    campaign_id bigint      not null,
    phase       text        not null,
    title       text        not null,
    due_on      date,
    assignee_id bigint,
    done        boolean     not null default false,
    done_at     timestamptz,
    created_by  bigint      not null,
    version     bigint      not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    constraint campaign_task_pk primary key (id),
    constraint campaign_task_campaign_fk foreign key (campaign_id) references campaign (id) on delete cascade,
    constraint campaign_task_assignee_fk foreign key (assignee_id) references app_user (id),
    constraint campaign_task_created_by_fk foreign key (created_by) references app_user (id),
    constraint campaign_task_phase_ck check (phase in ('PRE_SHOW', 'DURING_SHOW', 'POST_SHOW')),
    constraint campaign_task_title_ck check (char_length(title) between 1 and 200),
    constraint campaign_task_done_ck check (done = (done_at is not null))
);
create index campaign_task_campaign_idx on campaign_task (campaign_id, phase, due_on, id);
create index campaign_task_assignee_idx on campaign_task (assignee_id) where assignee_id is not null;
create index campaign_task_created_by_idx on campaign_task (created_by);

-- one post-show follow-up task per campaign and customer, whoever presses the button how often
create table campaign_follow_up (
    campaign_id bigint      not null,
    customer_id bigint      not null,
    activity_id bigint      not null,
    created_at  timestamptz not null,
    constraint campaign_follow_up_pk primary key (campaign_id, customer_id),
    constraint campaign_follow_up_campaign_fk foreign key (campaign_id) references campaign (id) on delete cascade,
    constraint campaign_follow_up_customer_fk foreign key (customer_id) references customer (id)
);
create index campaign_follow_up_customer_idx on campaign_follow_up (customer_id);

-- the performance report: a campaign's touched customers (index-only), and the count of its leads
create index campaign_member_campaign_touch_idx on campaign_member (campaign_id, customer_id, touched_on)
    where customer_id is not null and touched_on is not null;
create index campaign_member_campaign_lead_idx on campaign_member (campaign_id)
    where member_type = 'LEAD' or converted_lead_id is not null;
