package com.kehu.crm.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ContactTests {

    @Test
    void normalisesAndIndexesBothPhoneNumbers() {
        Contact contact = new Contact(
                7,
                new ContactData(
                        " 王总 ",
                        "总经理",
                        " ",
                        "138-0013-8000",
                        "021 5555 1234",
                        " Wang@Example.CN ",
                        "wang_wx",
                        LocalDate.of(1975, 3, 8),
                        true,
                        true,
                        ContactChannel.WECHAT,
                        "上午",
                        false,
                        ""));

        assertThat(contact.getName()).isEqualTo("王总");
        assertThat(contact.getDepartment()).isNull();
        assertThat(contact.getPhoneDigits()).isEqualTo("13800138000 02155551234");
        assertThat(contact.getEmail()).isEqualTo("wang@example.cn");
        assertThat(contact.getNotes()).isNull();
        assertThat(contact.isResponsible()).isTrue();
        assertThat(contact.isDecisionMaker()).isTrue();
        assertThat(contact.getCustomerId()).isEqualTo(7);
    }
}
