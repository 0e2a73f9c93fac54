package com.kehu.crm.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicketTests {

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    static final Duration WINDOW = Duration.ofDays(7);

    static Ticket aTicket(TicketType type) {
        return new Ticket(
                "T2026000001",
                5,
                null,
                null,
                new TicketData(TicketChannel.PHONE, type, 1, TicketPriority.NORMAL, " 设备异响 ", null),
                new SlaTargets.Due(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(24))),
                null,
                11,
                T0);
    }

    @Test
    void followsTheWorkflowAndRecordsEveryMove() {
        Ticket ticket = aTicket(TicketType.INQUIRY);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.getSubject()).isEqualTo("设备异响");
        ticket.assignTo(12, 12, T0.plusSeconds(60));
        ticket.moveTo(TicketStatus.IN_PROGRESS, TicketResolution.none(), 12, T0.plusSeconds(120), WINDOW);
        ticket.moveTo(TicketStatus.WAITING_ON_CUSTOMER, TicketResolution.none(), 12, T0.plusSeconds(180), WINDOW);
        ticket.moveTo(TicketStatus.IN_PROGRESS, TicketResolution.none(), 12, T0.plusSeconds(240), WINDOW);
        ticket.moveTo(TicketStatus.RESOLVED, TicketResolution.of("更换轴承"), 12, T0.plusSeconds(300), WINDOW);
        ticket.moveTo(TicketStatus.CLOSED, TicketResolution.none(), 12, T0.plusSeconds(360), WINDOW);

        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.getStatusChanges())
                .extracting(TicketStatusChange::getToStatus)
                .containsExactly(
                        TicketStatus.NEW,
                        TicketStatus.ASSIGNED,
                        TicketStatus.IN_PROGRESS,
                        TicketStatus.WAITING_ON_CUSTOMER,
                        TicketStatus.IN_PROGRESS,
                        TicketStatus.RESOLVED,
                        TicketStatus.CLOSED);
        assertThat(ticket.getResolutionSummary()).isEqualTo("更换轴承");
        assertThat(ticket.getClosedAt()).isEqualTo(T0.plusSeconds(360));
    }

    @Test
    void refusesMovesTheWorkflowDoesNotAllow() {
        Ticket ticket = aTicket(TicketType.INQUIRY);
        assertThatThrownBy(() -> ticket.moveTo(TicketStatus.RESOLVED, TicketResolution.of("x"), 12, T0, WINDOW))
                .isInstanceOf(TicketRuleException.class)
                .extracting(e -> ((TicketRuleException) e).reasonKey())
                .isEqualTo("ticket.status.notAllowed");
        assertThatThrownBy(() -> ticket.moveTo(TicketStatus.CLOSED, TicketResolution.none(), 12, T0, WINDOW))
                .isInstanceOf(TicketRuleException.class);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.getStatusChanges()).hasSize(1);
    }

    @Test
    void resolvingNeedsASummaryAndKeepsTheComplaintsCompensation() {
        Ticket ticket = inProgress(TicketType.COMPLAINT);
        assertThatThrownBy(() -> ticket.moveTo(TicketStatus.RESOLVED, TicketResolution.of("  "), 12, T0, WINDOW))
                .isInstanceOf(TicketRuleException.class)
                .extracting(e -> ((TicketRuleException) e).reasonKey())
                .isEqualTo("ticket.resolution.required");
        ticket.moveTo(
                TicketStatus.RESOLVED,
                new TicketResolution("换新", "退款 500 元", "代金券", new BigDecimal("200"), "上门检修"),
                12,
                T0.plusSeconds(600),
                WINDOW);
        assertThat(ticket.getCompensationRequested()).isEqualTo("退款 500 元");
        assertThat(ticket.getCompensationAmount()).isEqualByComparingTo("200.00");
        assertThat(ticket.getRemedialAction()).isEqualTo("上门检修");
        assertThat(ticket.getResolvedAt()).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void reopensOnlyWithinTheWindow() {
        Ticket recent = inProgress(TicketType.INQUIRY);
        recent.moveTo(TicketStatus.RESOLVED, TicketResolution.of("ok"), 12, T0, WINDOW);
        recent.moveTo(TicketStatus.IN_PROGRESS, TicketResolution.none(), 12, T0.plus(Duration.ofDays(6)), WINDOW);
        assertThat(recent.getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(recent.getResolvedAt()).isNull();

        Ticket old = inProgress(TicketType.INQUIRY);
        old.moveTo(TicketStatus.RESOLVED, TicketResolution.of("ok"), 12, T0, WINDOW);
        assertThatThrownBy(() -> old.moveTo(
                        TicketStatus.IN_PROGRESS, TicketResolution.none(), 12, T0.plus(Duration.ofDays(8)), WINDOW))
                .isInstanceOf(TicketRuleException.class)
                .extracting(e -> ((TicketRuleException) e).reasonKey())
                .isEqualTo("ticket.reopen.windowPassed");
        assertThat(old.getStatus()).isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void firstPublicCommentOrMoveIsTheFirstResponse() {
        Ticket ticket = aTicket(TicketType.INQUIRY);
        ticket.comment(12, "内部备注", true, T0.plusSeconds(10));
        assertThat(ticket.getFirstRespondedAt()).isNull();
        ticket.comment(12, "您好，我们已收到", false, T0.plusSeconds(20));
        assertThat(ticket.getFirstRespondedAt()).isEqualTo(T0.plusSeconds(20));

        Ticket moved = aTicket(TicketType.INQUIRY);
        moved.assignTo(12, 12, T0.plusSeconds(5));
        assertThat(moved.getFirstRespondedAt()).isNull();
        moved.moveTo(TicketStatus.IN_PROGRESS, TicketResolution.none(), 12, T0.plusSeconds(30), WINDOW);
        assertThat(moved.getFirstRespondedAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void detectsBreaches() {
        Ticket ticket = aTicket(TicketType.INQUIRY);
        assertThat(ticket.firstResponseBreached(T0.plus(Duration.ofHours(1)))).isFalse();
        assertThat(ticket.firstResponseBreached(T0.plus(Duration.ofHours(3)))).isTrue();
        assertThat(ticket.resolutionBreached(T0.plus(Duration.ofHours(23)))).isFalse();
        assertThat(ticket.resolutionBreached(T0.plus(Duration.ofHours(25)))).isTrue();

        Ticket answeredLate = aTicket(TicketType.INQUIRY);
        answeredLate.comment(12, "晚了", false, T0.plus(Duration.ofHours(3)));
        assertThat(answeredLate.firstResponseBreached(T0.plus(Duration.ofHours(4))))
                .isTrue();
        Ticket answeredInTime = aTicket(TicketType.INQUIRY);
        answeredInTime.comment(12, "及时", false, T0.plus(Duration.ofHours(1)));
        assertThat(answeredInTime.firstResponseBreached(T0.plus(Duration.ofHours(30))))
                .isFalse();
    }

    @Test
    void closedTicketTakesNoCommentsAndEscalationRaisesPriorityButKeepsDueTimes() {
        Ticket ticket = aTicket(TicketType.INQUIRY);
        assertThat(ticket.escalate(2, true, T0)).isEqualTo(TicketPriority.HIGH);
        assertThat(ticket.getEscalationLevel()).isEqualTo(2);
        assertThat(ticket.getResolutionDueAt()).isEqualTo(T0.plus(Duration.ofHours(24)));

        Ticket closed = inProgress(TicketType.INQUIRY);
        closed.moveTo(TicketStatus.RESOLVED, TicketResolution.of("ok"), 12, T0, WINDOW);
        closed.moveTo(TicketStatus.CLOSED, TicketResolution.none(), 12, T0, WINDOW);
        assertThatThrownBy(() -> closed.comment(12, "再说一句", false, T0)).isInstanceOf(TicketRuleException.class);
    }

    private static Ticket inProgress(TicketType type) {
        Ticket ticket = aTicket(type);
        ticket.assignTo(12, 12, T0);
        ticket.moveTo(TicketStatus.IN_PROGRESS, TicketResolution.none(), 12, T0, WINDOW);
        return ticket;
    }
}
