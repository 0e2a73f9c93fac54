package com.kehu.crm.dataio.web;

import com.kehu.crm.dataio.ImportType;
import com.kehu.crm.dataio.OnDuplicate;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** The upload step: the file and how to import it. A class, not a record: the file part binds into it. */
@Getter
@Setter
class UploadForm {

    /** The encodings offered: detect, or force one (GB18030 reads GBK files too). */
    static final java.util.List<String> ENCODINGS = java.util.List.of("auto", "UTF-8", "GB18030");

    private @Nullable MultipartFile file;
    private ImportType type = ImportType.values()[0];
    private String encoding = "auto";
    private OnDuplicate onDuplicate = OnDuplicate.SKIP;
    private boolean createMissingCustomers;
    private boolean allOrNothing;
}
