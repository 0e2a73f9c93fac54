package com.kehu.crm.dataio.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportWizardControllerTests {

    @Test
    void keepsOnlyTheFileNameOfAnUploadedPath() {
        assertThat(ImportWizardController.fileName("C:\\Users\\王\\客户名单.csv")).isEqualTo("客户名单.csv");
        assertThat(ImportWizardController.fileName("/home/li/orders 2026.xlsx")).isEqualTo("orders 2026.xlsx");
        assertThat(ImportWizardController.fileName("bad\u0000name\n.csv")).isEqualTo("badname.csv");
        assertThat(ImportWizardController.fileName(null)).isEmpty();
        assertThat(ImportWizardController.fileName("folder/")).isEmpty();
    }
}
