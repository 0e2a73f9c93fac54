-- Customer analytics (issue 7). The module reads other modules' data only through the analytics_* views below and
-- writes only its own tables: the parameters, the refresh jobs, the lifetime-value fits and one row of metrics per
-- customer.

-- A purchase is a completed order (the same rule as customer_purchase): drafts, open and cancelled orders never count.
create view analytics_purchase_v as
select o.id, o.customer_id, o.order_date, o.total_amount, o.cost_amount, o.total_amount - o.cost_amount as margin
from sales_order o
where o.status = 'COMPLETED';

-- The customers analytics covers: live records (not archived, not merged into another) with their owner and team.
create view analytics_customer_v as
select c.id, c.code, c.name, c.kind, c.region, c.industry, c.status, c.owner_id, u.team_id, c.created_at
from customer c
join app_user u on u.id = c.owner_id
where not c.archived and c.merged_into_id is null;

-- Contacts that cost money to serve: tickets, calls and campaign touches, each with the day it happened.
create view analytics_service_contact_v as
select t.customer_id, 'TICKET' as kind, t.created_at::date as happened_on from ticket t
union all
select cr.customer_id, 'CALL', cr.started_at::date from call_record cr where cr.customer_id is not null
union all
select m.customer_id, 'TOUCH', m.touched_on from campaign_member m where m.customer_id is not null and m.touched_on is not null;

-- Survey answers: likelihood to recommend (0-10) and intention to repurchase (1-5) feed the relative attitude of
-- Dick and Basu's loyalty matrix.
create view analytics_survey_v as
select r.id, r.customer_id, r.ticket_id, r.order_id, r.created_at, r.overall, r.expectation, r.performance,
       r.repurchase_intent, r.recommend
from survey_response r;

-- Per-attribute ratings of those answers (1-5), for the satisfaction index and the attribute report.
create view analytics_survey_rating_v as
select sr.response_id, sr.attribute_code, sr.score
from survey_rating sr;

-- Service tickets as the satisfaction and support reports see them: who handled them, their category, and when they
-- were answered and resolved against their due times.
create view analytics_ticket_v as
select t.id, t.customer_id, t.type, t.category_id, t.assignee_id, t.priority, t.status, t.created_at,
       t.first_response_due_at, t.first_responded_at, t.resolution_due_at, t.resolved_at
from ticket t;

-- Opportunities and their stage history, for the funnel: each owner's team, and every stage entered (creation enters
-- PROSPECTING).
create view analytics_opportunity_v as
select o.id, o.customer_id, o.owner_id, u.team_id, o.stage, o.amount, o.currency, o.probability, o.created_at,
       o.closed_on
from opportunity o
join app_user u on u.id = o.owner_id;

create view analytics_stage_change_v as
select s.opportunity_id, s.from_stage, s.to_stage, s.changed_at
from opportunity_stage_change s;

-- The model parameters an administrator may change; the defaults live in the code (AnalyticsParameters) and this
-- single row holds only what was changed, with a version for optimistic locking.
create table analytics_parameters (
    id         smallint    not null default 1,
    overrides  jsonb       not null default '{}',
    version    bigint      not null default 0,
    updated_by bigint,
    updated_at timestamptz not null default now(),
    constraint analytics_parameters_pk primary key (id),
    constraint analytics_parameters_single_ck check (id = 1),
    constraint analytics_parameters_updated_by_fk foreign key (updated_by) references app_user (id)
);
insert into analytics_parameters (id) values (1);

-- A metrics refresh: scheduled (requested_by null) or on demand. At most one is queued or running at a time, across
-- every instance of the application (the partial unique index), so two instances never compute at once.
create sequence analytics_refresh_seq;
create table analytics_refresh (
    id           bigint      not null,
    status       text        not null,
    phase        text,
    steps_done   integer     not null default 0,
    steps_total  integer     not null default 0,
    customers    integer,
    requested_by bigint,
    requested_at timestamptz not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    failure      text,
    constraint analytics_refresh_pk primary key (id),
    constraint analytics_refresh_status_ck check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    constraint analytics_refresh_requested_by_fk foreign key (requested_by) references app_user (id)
);
create unique index analytics_refresh_active_uk on analytics_refresh ((true)) where status in ('QUEUED', 'RUNNING');
create index analytics_refresh_requested_idx on analytics_refresh (requested_at desc);

-- A fit of the lifetime-value models (BG/NBD for purchases, Gamma-Gamma for spend); the latest one is used.
create sequence clv_fit_seq;
create table clv_fit (
    id                bigint           not null,
    calibration_end   date             not null,
    time_unit         text             not null,
    cohort_from       date,
    cohort_to         date,
    r                 double precision not null,
    alpha             double precision not null,
    a                 double precision not null,
    b                 double precision not null,
    bg_log_likelihood double precision not null,
    bg_customers      integer          not null,
    p                 double precision,
    q                 double precision,
    gamma             double precision,
    gg_log_likelihood double precision,
    gg_customers      integer          not null default 0,
    fitted_by         bigint,
    fitted_at         timestamptz      not null,
    constraint clv_fit_pk primary key (id),
    constraint clv_fit_time_unit_ck check (time_unit in ('DAY', 'WEEK', 'MONTH')),
    constraint clv_fit_fitted_by_fk foreign key (fitted_by) references app_user (id),
    constraint clv_fit_gamma_gamma_ck check ((p is null) = (q is null) and (q is null) = (gamma is null))
);
create index clv_fit_fitted_idx on clv_fit (fitted_at desc);

-- One row of metrics per customer, rebuilt as a whole by each refresh (into a work table of the same shape that is
-- then swapped in, so readers never see half a refresh). Derived data, so unlogged: after a crash it is empty until
-- the next refresh, which the application then starts by itself.
create unlogged table customer_metrics (
    customer_id            bigint        not null,
    refresh_id             bigint        not null,
    computed_at            timestamptz   not null,
    owner_id               bigint        not null,
    team_id                bigint,
    -- purchases (completed orders; a purchase day is a distinct order date)
    orders                 integer       not null,
    purchase_days          integer       not null,
    first_purchase         date,
    last_purchase          date,
    recency_days           integer,
    revenue_total          numeric(19,2) not null,
    margin_total           numeric(19,2) not null,
    revenue_12m            numeric(19,2) not null,
    margin_12m             numeric(19,2) not null,
    purchase_days_12m      integer       not null,
    -- purchase days 12 to 24 months back: the base of the annual churn rate (active then, silent since?)
    purchase_days_prev_12m integer       not null,
    revenue_prev_6m        numeric(19,2) not null,
    revenue_last_6m        numeric(19,2) not null,
    average_order_value    numeric(19,2),
    mean_interval_days     numeric(9,1),
    first_day_amount       numeric(19,2),
    -- cost to serve in the trailing 12 months, at the configured unit costs
    tickets_12m            integer       not null,
    calls_12m              integer       not null,
    touches_12m            integer       not null,
    cost_to_serve_12m      numeric(19,2) not null,
    profit_12m             numeric(19,2) not null,
    -- value tier (customer pyramid) by trailing-12-month profit
    profit_rank            integer       not null,
    value_tier             text          not null,
    -- RFM quintile scores among buyers, and the named segment
    r_score                smallint,
    f_score                smallint,
    m_score                smallint,
    rfm_segment            text,
    next_purchase_expected date,
    profit_estimate_12m    numeric(19,2),
    -- lifetime value (BG/NBD + Gamma-Gamma, or the simple estimate where the model does not apply)
    p_alive                double precision,
    expected_purchases     double precision,
    expected_order_value   numeric(19,2),
    clv                    numeric(19,2),
    -- what the customer would be worth if certainly still active, less clv: the value retention can still win
    clv_potential          numeric(19,2),
    clv_method             text,
    clv_tier               text,
    -- loyalty (Dick and Basu), lifecycle and churn
    repeat_patronage       text,
    attitude               text,
    loyalty                text,
    lifecycle_stage        text,
    churned                boolean       not null default false,
    at_risk                boolean       not null default false,
    constraint customer_metrics_pk primary key (customer_id),
    constraint customer_metrics_tier_ck check (value_tier in ('VIP', 'IMPORTANT', 'ORDINARY')),
    constraint customer_metrics_rfm_ck check (
        (r_score is null and f_score is null and m_score is null and rfm_segment is null)
        or (r_score between 1 and 5 and f_score between 1 and 5 and m_score between 1 and 5 and rfm_segment is not null)),
    constraint customer_metrics_clv_method_ck check (clv_method in ('MODEL', 'SIMPLE')),
    constraint customer_metrics_clv_tier_ck check (clv_tier in ('MVC', 'STC', 'BZC')),
    constraint customer_metrics_loyalty_ck check (loyalty in ('LOYAL', 'LATENT', 'SPURIOUS', 'NONE', 'UNKNOWN')),
    constraint customer_metrics_lifecycle_ck check (lifecycle_stage in ('EXPLORATION', 'FORMATION', 'STABILITY', 'DECLINE'))
);
