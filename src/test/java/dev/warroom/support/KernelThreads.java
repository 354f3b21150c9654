package dev.warroom.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** This JVM's threads as the Linux kernel sees them (/proc), not as Java reports them. */
public final class KernelThreads {

    private KernelThreads() {
    }

    /** The calling thread's nice value. */
    public static int niceOfThisThread() {
        return niceIn(Path.of("/proc/thread-self/stat"));
    }

    /** The nice value of each thread of this process whose name starts with the prefix, by name. */
    public static Map<String, Integer> niceByName(String prefix) {
        Map<String, Integer> nice = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                String name = read(task.resolve("comm")).strip();
                if (name.startsWith(prefix)) {
                    nice.put(name, niceIn(task.resolve("stat")));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return nice;
    }

    /** Field 19 of a stat file; counted after the name's closing parenthesis, as a name may hold spaces. */
    private static int niceIn(Path stat) {
        String line = read(stat);
        return Integer.parseInt(line.substring(line.lastIndexOf(')') + 2).split(" ")[16]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
