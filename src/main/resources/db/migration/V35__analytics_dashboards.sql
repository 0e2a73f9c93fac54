-- Dashboards (issue 7): what the dashboard screens read besides the stored metrics.

-- Open deals by the month they are expected to close (the rep's forecast), and the deal's name for the lists behind
-- the funnel.
create or replace view analytics_opportunity_v as
select o.id, o.customer_id, o.owner_id, u.team_id, o.stage, o.amount, o.currency, o.probability, o.created_at,
       o.closed_on, o.expected_close_date, o.name
from opportunity o
join app_user u on u.id = o.owner_id;

-- Who owns a customer, by name, for the drill-down lists.
create view analytics_user_v as
select u.id, u.display_name, u.team_id
from app_user u;

-- Ticket categories with their names in both languages, for the complaint and satisfaction charts.
create view analytics_ticket_category_v as
select tc.id, tc.code, tc.name_en, tc.name_zh, tc.position
from ticket_category tc;

-- The tickets behind the support figures, listed with their number and subject.
create or replace view analytics_ticket_v as
select t.id, t.customer_id, t.type, t.category_id, t.assignee_id, t.priority, t.status, t.created_at,
       t.first_response_due_at, t.first_responded_at, t.resolution_due_at, t.resolved_at, t.number, t.subject
from ticket t;
