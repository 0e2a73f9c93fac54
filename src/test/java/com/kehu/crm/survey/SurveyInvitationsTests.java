package com.kehu.crm.survey;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.notification.NotificationService;
import com.kehu.crm.order.OrderCompleted;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.support.TicketClosed;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class SurveyInvitationsTests {

    @Test
    void invitesNobodyWhenTheSettingsAreOff() {
        JdbcClient jdbc = mock(JdbcClient.class);
        NotificationService notifications = mock(NotificationService.class);
        SurveyInvitations invitations = new SurveyInvitations(
                jdbc,
                new SurveyProperties(false, false, Duration.ofDays(14)),
                new BusinessCalendar(Clock.systemUTC(), "Asia/Shanghai"),
                notifications,
                mock(CustomerQueries.class));

        invitations.on(new TicketClosed(1, 2, null, 3));
        invitations.on(new OrderCompleted(4, 2, 3));

        verifyNoInteractions(jdbc, notifications);
    }
}
