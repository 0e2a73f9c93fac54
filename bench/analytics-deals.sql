-- Deals for the dashboard benchmark (issue 7), added once to the campaign benchmark's database: :deals opportunities
-- created over the last three years, spread over the five sellers, each with its stage history (prospecting, then a
-- stage a week) up to the stage it reached; deals older than 30 days are closed (won if they reached negotiation and
-- a fifth stage, else lost a third of the time, else still open). Ids from 200,000,001 so nothing collides.
--   psql -v deals=1000000 -f bench/analytics-deals.sql
\set ON_ERROR_STOP on
select exists (select 1 from opportunity where id = 200000001) as present \gset
\if :present
\echo 'deals already there'
\else
begin;
create temp table bench_deal on commit drop as
with owners as (
    select array_agg(id order by username) as ids from app_user
    where username in ('rep1', 'rep2', 'rep3', 'manager', 'manager2')),
customers as (select min(id) as low, max(id) as high from customer)
select 200000000 + g as id,
       -- a customer id that exists: the campaign database's ids are dense
       c.low + (g::bigint * 7919) % (c.high - c.low + 1) as customer_id,
       o.ids[1 + g % 5] as owner_id,
       (now() - make_interval(days => g % 1095, hours => g % 24)) as created_at,
       1 + (g * 7) % 5 as reached,
       g % 3 = 0 as loses,
       1000 + (g::bigint * 7919) % 500000 as amount
from generate_series(1, :deals) g, owners o, customers c;

insert into opportunity (id, customer_id, name, amount, currency, expected_close_date, type, owner_id, stage,
                         probability, loss_reason, closed_on, stage_changed_at, created_at)
select d.id, d.customer_id, 'Bench funnel deal ' || d.id, d.amount, 'CNY',
       (d.created_at + interval '30 days')::date, 'NEW_BUSINESS', d.owner_id,
       case when d.created_at > now() - interval '30 days'
                then (array['PROSPECTING','QUALIFICATION','PROPOSAL','NEGOTIATION','NEGOTIATION'])[d.reached]
            when d.reached = 5 then 'WON' when d.loses then 'LOST'
            else (array['PROSPECTING','QUALIFICATION','PROPOSAL','NEGOTIATION','NEGOTIATION'])[d.reached] end,
       case when d.created_at <= now() - interval '30 days' and d.reached = 5 then 100
            when d.created_at <= now() - interval '30 days' and d.loses then 0
            else (array[10, 25, 50, 75, 75])[d.reached] end,
       case when d.created_at <= now() - interval '30 days' and d.reached < 5 and d.loses then 'price' end,
       case when d.created_at <= now() - interval '30 days' and (d.reached = 5 or d.loses)
                then (d.created_at + interval '30 days')::date end,
       d.created_at + make_interval(days => 7 * (d.reached - 1)), d.created_at
from bench_deal d;

insert into opportunity_stage_change (id, opportunity_id, from_stage, to_stage, changed_at)
select nextval('opportunity_stage_change_seq'), d.id,
       case when s.n > 1 then (array['PROSPECTING','QUALIFICATION','PROPOSAL','NEGOTIATION'])[s.n - 1] end,
       (array['PROSPECTING','QUALIFICATION','PROPOSAL','NEGOTIATION','WON'])[s.n],
       d.created_at + make_interval(days => 7 * (s.n - 1))
from bench_deal d, generate_series(1, 5) s(n)
where s.n <= d.reached and (s.n < 5 or d.created_at <= now() - interval '30 days');

insert into opportunity_stage_change (id, opportunity_id, from_stage, to_stage, changed_at)
select nextval('opportunity_stage_change_seq'), d.id,
       (array['PROSPECTING','QUALIFICATION','PROPOSAL','NEGOTIATION'])[d.reached], 'LOST', d.created_at + interval '30 days'
from bench_deal d
where d.reached < 5 and d.loses and d.created_at <= now() - interval '30 days';
commit;
vacuum analyze opportunity;
vacuum analyze opportunity_stage_change;
\endif
