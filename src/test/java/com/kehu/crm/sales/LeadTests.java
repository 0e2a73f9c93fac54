package com.kehu.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeadTests {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    static Lead aLead() {
        return new Lead(" 杭州西湖茶业 ", "王经理", "0571-8888 1234", " Buyer@Tea.CN ", LeadSource.EXHIBITION, null);
    }

    @Test
    void startsNewInThePool() {
        Lead lead = aLead();
        assertThat(lead.isInPool()).isTrue();
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.getCompanyName()).isEqualTo("杭州西湖茶业");
        assertThat(lead.getPhoneDigits()).isEqualTo("057188881234");
        assertThat(lead.getEmail()).isEqualTo("buyer@tea.cn");
    }

    @Test
    void isClaimedOnceAndReleasedBackToThePool() {
        Lead lead = aLead();
        lead.claim(7, NOW);
        assertThat(lead.getOwnerId()).isEqualTo(7);
        assertThat(lead.getClaimedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> lead.claim(8, NOW))
                .isInstanceOfSatisfying(
                        IllegalLeadStateException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("lead.claim.taken"));
        lead.release();
        assertThat(lead.isInPool()).isTrue();
        assertThat(lead.getClaimedAt()).isNull();
    }

    @Test
    void qualifiesOnlyWithAllThreeAnswersYes() {
        Lead lead = aLead();
        lead.claim(7, NOW);
        lead.qualify(true, true, null, NOW);
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.WORKING);
        assertThatThrownBy(() -> lead.markConverted(1)).isInstanceOf(IllegalLeadStateException.class);

        lead.qualify(true, true, true, NOW);
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.QUALIFIED);
        lead.markConverted(42);
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(lead.getConvertedCustomerId()).isEqualTo(42);
        assertThatThrownBy(lead::release)
                .isInstanceOfSatisfying(
                        IllegalLeadStateException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("lead.closed"));
    }

    @Test
    void startsWorkAtTheFirstFollowUpAndEndsWhenDisqualified() {
        Lead lead = aLead();
        lead.claim(7, NOW);
        lead.recordFollowUp(NOW.plusSeconds(60));
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.WORKING);
        assertThat(lead.getLastFollowUpAt()).isEqualTo(NOW.plusSeconds(60));
        lead.disqualify(" 无采购预算 ");
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.DISQUALIFIED);
        assertThat(lead.getDisqualifyReason()).isEqualTo("无采购预算");
        assertThatThrownBy(() -> lead.claim(8, NOW)).isInstanceOf(IllegalLeadStateException.class);
    }
}
