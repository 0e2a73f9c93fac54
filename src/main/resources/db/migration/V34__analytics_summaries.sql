-- Analytics summaries (issue 7, 1M customers / 10M orders): what the reports read instead of aggregating all of
-- customer_metrics or the orders on each request. Each refresh rebuilds them and puts them in place in the same
-- transaction that swaps in customer_metrics, so a reader sees the metrics and the summaries of one refresh. Derived
-- data, unlogged like customer_metrics: a crash empties both, and the application then refreshes by itself.

-- Completed orders with the customer's current owner (every customer, archived or merged too: the record rule of the
-- period reports is the owner of the customer record).
create view analytics_purchase_owner_v as
select p.id, p.customer_id, c.owner_id, p.order_date, p.total_amount, p.cost_amount, p.margin
from analytics_purchase_v p
join customer c on c.id = p.customer_id;

-- Per owner: how many customers, and the counts the churn and Pareto reports add up.
create unlogged table analytics_owner_summary (
    owner_id         bigint  not null,
    team_id          bigint,
    customers        integer not null,
    buyers           integer not null,
    churned          integer not null,
    at_risk          integer not null,
    -- bought 12 to 24 months back (the base of the annual churn rate), and of them silent in the last 12 months
    churn_base       integer not null,
    churn_base_lost  integer not null,
    -- bought in the last 12 months, and of them with a 12-month profit of zero or below
    buyers_12m       integer not null,
    unprofitable_12m integer not null,
    constraint analytics_owner_summary_pk primary key (owner_id)
);

-- Per owner and class of one dimension (VALUE_TIER, RFM_SEGMENT, RFM_GRID as 'r-f', LOYALTY, LIFECYCLE, CLV_TIER):
-- customers and the sums the reports show. Customers without a class in a dimension have no row in it.
create unlogged table analytics_owner_class (
    owner_id      bigint  not null,
    dimension     text    not null,
    class         text    not null,
    customers     integer not null,
    revenue_12m   numeric not null,
    profit_12m    numeric not null,
    revenue_total numeric not null,
    constraint analytics_owner_class_pk primary key (owner_id, dimension, class)
);

-- The Pareto figures (not additive over owners) of every scope a reader can have: everyone (ALL, scope_id 0), each
-- team (TEAM, the team id) and each owner (OWNER, the user id), for the VIP share in force at the refresh.
create unlogged table analytics_pareto (
    scope_kind           text    not null,
    scope_id             bigint  not null,
    top_share            numeric not null,
    profit_share_of_top  numeric,
    revenue_share_of_top numeric,
    constraint analytics_pareto_pk primary key (scope_kind, scope_id),
    constraint analytics_pareto_kind_ck check (scope_kind in ('ALL', 'TEAM', 'OWNER'))
);

-- Completed orders per day and owner of the customer: the sales trend and the order counts of the period reports.
create unlogged table analytics_daily_sales (
    day      date          not null,
    owner_id bigint        not null,
    orders   integer       not null,
    revenue  numeric(19,2) not null,
    margin   numeric(19,2) not null,
    constraint analytics_daily_sales_pk primary key (day, owner_id)
);
