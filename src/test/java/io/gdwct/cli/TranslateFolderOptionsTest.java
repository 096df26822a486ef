package io.gdwct.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code translate}'s options without running anything: help describes every option, and wrong
 * combinations fail with one line before any model or image is touched.
 */
class TranslateFolderOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void everyOptionHasADescriptionAndHelpShowsTheFolderModeAndExitStatus() {
        CommandLine cmd = new CommandLine(new TranslateCommand());
        for (OptionSpec o : cmd.getCommandSpec().options()) {
            assertTrue(o.description().length > 0 && !String.join(" ", o.description()).isBlank(), o.longestName());
        }
        String help = cmd.getUsageMessage(CommandLine.Help.Ansi.OFF);
        for (String s : new String[] {"--content-dir=DIR", "--out-dir=DIR", "--shard=I/N", "--workers=N",
            "--threads-per-worker=N", "--format=FMT", "Exit status:", "3   folder mode: some images failed"}) {
            assertTrue(help.contains(s), s + " not in\n" + help);
        }
    }

    @Test
    void wrongCombinationsFailWithOneLine() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        String[] common = {"--model", tmp.resolve("no-model").toString(), "--exemplar", tmp.resolve("none.png").toString()};
        assertFails("give --content and --out (one image) or --content-dir and --out-dir (a folder), not both",
                common, "--content-dir", in.toString(), "--out-dir", "o", "--out", "x.png");
        assertFails("folder mode needs both --content-dir and --out-dir", common, "--content-dir", in.toString());
        assertFails("give --content FILE and --out FILE, or --content-dir DIR and --out-dir DIR", common, "--content", "c.png");
        assertFails("--shard applies to folder mode (--content-dir) only", common, "--content", "c.png", "--out", "x.png",
                "--shard", "0/2");
        assertFails("--shard: a shard is INDEX/COUNT with 0 <= INDEX < COUNT, got 2/2", common, "--content-dir", in.toString(),
                "--out-dir", "o", "--shard", "2/2");
        assertFails("--format must be png, jpg, webp or bmp, got 'gif'", common, "--content-dir", in.toString(),
                "--out-dir", "o", "--format", "gif");
        assertFails("--workers and --threads-per-worker must be at least 1", common, "--content-dir", in.toString(),
                "--out-dir", "o", "--workers", "0");
        assertFails("--exemplar: no such file: " + tmp.resolve("none.png"), common, "--content-dir", in.toString(),
                "--out-dir", "o");
    }

    private static void assertFails(String message, String[] common, String... args) {
        TranslateCommand command = new TranslateCommand();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(common), java.util.Arrays.stream(args))
                .toArray(String[]::new);
        new CommandLine(command).parseArgs(all);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::call, String.join(" ", args));
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
