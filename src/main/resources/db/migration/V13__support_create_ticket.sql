-- Service tickets (客户投诉 / 服务请求, CATALOG 1.7, 4.1): a customer's complaint, inquiry, request, suggestion or
-- repair, with SLA due times, its status history, comments and escalations. Categories are reference data.
create sequence ticket_category_seq increment by 50;
create sequence ticket_seq increment by 50;
create sequence ticket_number_seq;
create sequence ticket_status_change_seq increment by 50;
create sequence ticket_comment_seq increment by 50;
create sequence ticket_escalation_seq increment by 50;

create table ticket_category (
    id         bigint      not null,
    code       text        not null,
    name_en    text        not null,
    name_zh    text        not null,
    active     boolean     not null default true,
    position   integer     not null default 0,
    version    bigint      not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint ticket_category_pk primary key (id),
    constraint ticket_category_code_uk unique (code)
);
insert into ticket_category (id, code, name_en, name_zh, position) values
    (nextval('ticket_category_seq'), 'PRODUCT_QUALITY', 'Product quality', '产品质量', 10),
    (nextval('ticket_category_seq'), 'SERVICE_ATTITUDE', 'Service attitude', '服务态度', 20),
    (nextval('ticket_category_seq'), 'DELIVERY', 'Delivery', '交付配送', 30),
    (nextval('ticket_category_seq'), 'BILLING', 'Billing', '账单费用', 40),
    (nextval('ticket_category_seq'), 'OTHER', 'Other', '其他', 50);

create table ticket (
    id                       bigint        not null,
    number                   text          not null,
    customer_id              bigint        not null,
    contact_id               bigint,
    order_id                 bigint,
    channel                  text          not null,
    type                     text          not null,
    category_id              bigint        not null,
    priority                 text          not null,
    subject                  text          not null,
    description              text,
    assignee_id              bigint,
    status                   text          not null,
    first_response_due_at    timestamptz   not null,
    resolution_due_at        timestamptz   not null,
    first_responded_at       timestamptz,
    resolved_at              timestamptz,
    closed_at                timestamptz,
    resolution_summary       text,
    compensation_requested   text,
    compensation_granted     text,
    compensation_amount      numeric(19,2),
    remedial_action          text,
    escalation_level         integer       not null default 0,
    last_escalated_at        timestamptz,
    created_by               bigint,
    version                  bigint        not null default 0,
    created_at               timestamptz   not null default now(),
    updated_at               timestamptz   not null default now(),
    constraint ticket_pk primary key (id),
    constraint ticket_number_uk unique (number),
    constraint ticket_customer_fk foreign key (customer_id) references customer (id),
    constraint ticket_contact_fk foreign key (contact_id) references contact (id),
    constraint ticket_order_fk foreign key (order_id) references sales_order (id),
    constraint ticket_category_fk foreign key (category_id) references ticket_category (id),
    constraint ticket_assignee_fk foreign key (assignee_id) references app_user (id),
    constraint ticket_created_by_fk foreign key (created_by) references app_user (id),
    constraint ticket_subject_ck check (char_length(subject) between 1 and 200),
    constraint ticket_channel_ck check (channel in ('PHONE', 'EMAIL', 'WEB_FORM', 'SMS', 'WALK_IN', 'CALL_CENTRE')),
    constraint ticket_type_ck check (type in ('COMPLAINT', 'INQUIRY', 'SERVICE_REQUEST', 'SUGGESTION', 'REPAIR')),
    constraint ticket_priority_ck check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    constraint ticket_status_ck check (status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED',
        'CLOSED')),
    constraint ticket_resolution_ck check (status not in ('RESOLVED', 'CLOSED') or resolution_summary is not null),
    constraint ticket_compensation_ck check (compensation_amount is null or compensation_amount >= 0)
);
-- the queue: an agent's open tickets and the unassigned ones by due time; a customer's problem history
create index ticket_assignee_open_idx on ticket (assignee_id, resolution_due_at, id)
    where status not in ('RESOLVED', 'CLOSED');
create index ticket_unassigned_idx on ticket (resolution_due_at, id)
    where assignee_id is null and status not in ('RESOLVED', 'CLOSED');
create index ticket_open_due_idx on ticket (resolution_due_at, id) where status not in ('RESOLVED', 'CLOSED');
create index ticket_first_response_due_idx on ticket (first_response_due_at)
    where first_responded_at is null and status not in ('RESOLVED', 'CLOSED');
create index ticket_escalated_idx on ticket (last_escalated_at desc) where escalation_level > 0
    and status not in ('RESOLVED', 'CLOSED');
create index ticket_customer_idx on ticket (customer_id, created_at desc);
create index ticket_contact_idx on ticket (contact_id) where contact_id is not null;
create index ticket_order_idx on ticket (order_id) where order_id is not null;
create index ticket_status_idx on ticket (status, created_at desc);

create table ticket_status_change (
    id          bigint      not null,
    ticket_id   bigint      not null,
    from_status text,
    to_status   text        not null,
    changed_by  bigint,
    changed_at  timestamptz not null,
    constraint ticket_status_change_pk primary key (id),
    constraint ticket_status_change_ticket_fk foreign key (ticket_id) references ticket (id),
    constraint ticket_status_change_user_fk foreign key (changed_by) references app_user (id)
);
create index ticket_status_change_ticket_idx on ticket_status_change (ticket_id, changed_at);

create table ticket_comment (
    id         bigint      not null,
    ticket_id  bigint      not null,
    author_id  bigint,
    body       text        not null,
    internal   boolean     not null default false,
    created_at timestamptz not null default now(),
    constraint ticket_comment_pk primary key (id),
    constraint ticket_comment_ticket_fk foreign key (ticket_id) references ticket (id),
    constraint ticket_comment_author_fk foreign key (author_id) references app_user (id),
    constraint ticket_comment_body_ck check (char_length(body) between 1 and 10000)
);
create index ticket_comment_ticket_idx on ticket_comment (ticket_id, created_at);

-- One row per escalation step: the unique key makes a second run (another instance) find the step taken already.
create table ticket_escalation (
    id               bigint      not null,
    ticket_id        bigint      not null,
    kind             text        not null,
    level            integer     not null,
    action           text        not null,
    notified_user_id bigint,
    escalated_at     timestamptz not null,
    constraint ticket_escalation_pk primary key (id),
    constraint ticket_escalation_ticket_fk foreign key (ticket_id) references ticket (id),
    constraint ticket_escalation_user_fk foreign key (notified_user_id) references app_user (id),
    constraint ticket_escalation_step_uk unique (ticket_id, kind, level),
    constraint ticket_escalation_kind_ck check (kind in ('FIRST_RESPONSE', 'RESOLUTION')),
    constraint ticket_escalation_action_ck check (action in ('PRIORITY_RAISED', 'MANAGER_NOTIFIED'))
);
