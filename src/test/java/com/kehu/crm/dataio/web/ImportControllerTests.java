package com.kehu.crm.dataio.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportControllerTests {

    @Test
    void keepsOnlyTheFileNameOfAnUploadedPath() {
        assertThat(ImportController.fileName("C:\\Users\\王\\客户名单.csv")).isEqualTo("客户名单.csv");
        assertThat(ImportController.fileName("/home/li/orders 2026.xlsx")).isEqualTo("orders 2026.xlsx");
        assertThat(ImportController.fileName("bad\u0000name\n.csv")).isEqualTo("badname.csv");
        assertThat(ImportController.fileName(null)).isEmpty();
        assertThat(ImportController.fileName("folder/")).isEmpty();
    }
}
