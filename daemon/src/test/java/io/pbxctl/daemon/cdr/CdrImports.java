package io.pbxctl.daemon.cdr;

import java.nio.file.Path;
import org.springframework.context.ApplicationContext;

/** Lets tests of other packages (the end-to-end calls) run the package-private import on a file of their own. */
public final class CdrImports {

    private CdrImports() {
    }

    /** Imports what is new in {@code file}; returns how many records were stored. */
    public static int importFile(ApplicationContext context, Path file) {
        return context.getBean(CdrImporter.class).importFile(file);
    }
}
