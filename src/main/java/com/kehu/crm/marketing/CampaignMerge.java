package com.kehu.crm.marketing;

import com.kehu.crm.shared.merge.CustomerMergeParticipant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merged customer's campaign memberships, campaign follow-ups and care tasks move to the kept customer. Where
 * both were in the same campaign, one membership stays: the one that got furthest (then the earlier first touch),
 * so response and attribution are not lost. Likewise one follow-up per campaign and one care task per occasion.
 */
@Component
@RequiredArgsConstructor
class CampaignMerge implements CustomerMergeParticipant {

    private static final String STATUS_RANK =
            "array_position(array['TARGETED','SENT','RESPONDED','ATTENDED','CONVERTED'], %s.status)";

    private final JdbcClient jdbc;

    @Override
    public Set<String> tables() {
        return Set.of("campaign_member", "campaign_follow_up", "care_task");
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Integer> count(long customerId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(
                "merge.campaignMembers",
                count("select count(*) from campaign_member where customer_id = :id", customerId));
        counts.put("merge.careTasks", count("select count(*) from care_task where customer_id = :id", customerId));
        return counts;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Integer> moveCustomer(long fromId, long toId) {
        // of two customer memberships in one campaign, delete the one that got less far (ties: the later touch)
        String loser = """
                delete from campaign_member d using campaign_member k, campaign_member f
                where k.member_type = 'CUSTOMER' and f.member_type = 'CUSTOMER'
                  and k.customer_id = :to and f.customer_id = :from and k.campaign_id = f.campaign_id
                  and d.id = case when (%s, coalesce(f.touched_on, date '9999-12-31') < coalesce(k.touched_on, date '9999-12-31'))
                                       > (%s, false)
                                  then k.id else f.id end""".formatted(STATUS_RANK.formatted("f"), STATUS_RANK.formatted("k"));
        jdbc.sql(loser).param("from", fromId).param("to", toId).update();
        Map<String, Integer> moved = new LinkedHashMap<>();
        moved.put(
                "merge.campaignMembers",
                jdbc.sql("""
                        update campaign_member set customer_id = :to, version = version + 1
                        where customer_id = :from""").param("from", fromId).param("to", toId).update());
        jdbc.sql("""
                        delete from campaign_follow_up f where f.customer_id = :from and exists (
                            select 1 from campaign_follow_up k where k.customer_id = :to and k.campaign_id = f.campaign_id)
                        """).param("from", fromId).param("to", toId).update();
        jdbc.sql("update campaign_follow_up set customer_id = :to where customer_id = :from")
                .param("from", fromId)
                .param("to", toId)
                .update();
        // the care log keeps one task per item, occasion and contact; the merged one's activity moves all the same
        jdbc.sql("""
                        delete from care_task f where f.customer_id = :from and exists (
                            select 1 from care_task k where k.customer_id = :to and k.item_id = f.item_id
                              and k.occasion_on = f.occasion_on and k.contact_id is not distinct from f.contact_id)
                        """).param("from", fromId).param("to", toId).update();
        moved.put(
                "merge.careTasks",
                jdbc.sql("update care_task set customer_id = :to where customer_id = :from")
                        .param("from", fromId)
                        .param("to", toId)
                        .update());
        return moved;
    }

    private int count(String sql, long customerId) {
        return jdbc.sql(sql).param("id", customerId).query(Integer.class).single();
    }
}
