package footnote.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The process's memory as the JVM and the kernel see it. */
public final class Memory {

    private Memory() {}

    /** Starts a new peak: the heap's high-water mark from now on. */
    public static void resetPeakHeap() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    public static long peakHeapMegabytes() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    /** Resident set size now (VmRSS), where /proc tells it. */
    public static Optional<Long> residentMegabytes() {
        return status("VmRSS:");
    }

    /** The largest resident set size so far in this process (VmHWM), where /proc tells it. */
    public static Optional<Long> peakResidentMegabytes() {
        return status("VmHWM:");
    }

    /** The same for another running process; empty once it has ended. */
    public static Optional<Long> peakResidentMegabytes(long pid) {
        return status(Path.of("/proc", Long.toString(pid), "status"), "VmHWM:");
    }

    private static Optional<Long> status(String field) {
        return status(Path.of("/proc/self/status"), field);
    }

    private static Optional<Long> status(Path file, String field) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(field))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    /** Bytes under a folder, for an index's size on disk. */
    public static long bytesUnder(Path folder) {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
