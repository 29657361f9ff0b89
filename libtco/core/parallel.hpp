#pragma once
// Runs independent items on worker threads while the calling thread reports progress. Results
// must be written by item index, so they do not depend on the thread count or on scheduling.
//
// The progress callback runs on the calling thread only (a Python caller holds the GIL there):
// once before any work, about ten times a second, and once at the end; returning false (before
// the end) stops the run with cancelled_error. The first error by item index is rethrown, whichever thread met it first.

#include <libtco/core/error.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace libtco {

// done, total -> keep going?
using ProgressCallback = std::function<bool(std::int64_t, std::int64_t)>;

struct RunOptions {
    int threads = 0;  // 0: every hardware thread
    ProgressCallback progress;
};

inline constexpr int max_threads = 256;

inline int thread_count(int requested) {
    if (requested < 0 || requested > max_threads)
        throw validation_error(errc::out_of_range, "/threads", "expected 0 (every core) to " + std::to_string(max_threads) + " threads, got " + std::to_string(requested));
    if (requested > 0) return requested;
    const unsigned hardware = std::thread::hardware_concurrency();
    return hardware == 0 ? 1 : static_cast<int>(hardware);
}

// Calls body(begin, end) over [0, n) in chunks.
template <class Body>
void parallel_for(std::int64_t n, const RunOptions& options, Body&& body) {
    if (n <= 0) {
        if (options.progress) (void)options.progress(0, 0);
        return;
    }
    if (options.progress && !options.progress(0, n))
        throw cancelled_error(errc::cancelled, "", "stopped by the progress callback before the run started");
    const int workers = static_cast<int>(std::min<std::int64_t>(thread_count(options.threads), n));
    // Chunks small enough to balance and to stop quickly, large enough to keep overhead low.
    const std::int64_t chunk = std::clamp<std::int64_t>(n / (static_cast<std::int64_t>(workers) * 64), 1, 4096);
    std::atomic<std::int64_t> next{0};
    std::atomic<std::int64_t> done{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable finished_cv;
    int finished = 0;
    std::int64_t failed_at = n;
    std::exception_ptr failure;

    const auto work = [&] {
        for (;;) {
            if (stop.load(std::memory_order_relaxed)) break;
            const std::int64_t begin = next.fetch_add(chunk);
            if (begin >= n) break;
            const std::int64_t end = std::min(n, begin + chunk);
            try {
                body(begin, end);
            } catch (...) {
                std::lock_guard lock(mutex);
                if (begin < failed_at) {
                    failed_at = begin;
                    failure = std::current_exception();
                }
                stop.store(true);
            }
            done.fetch_add(end - begin, std::memory_order_relaxed);
        }
        std::lock_guard lock(mutex);
        ++finished;
        finished_cv.notify_all();
    };

    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(workers));
    int started = 0;
    try {
        for (; started < workers; ++started) pool.emplace_back(work);
    } catch (const std::system_error&) {
        // The system gives fewer threads than asked: the ones started share the work.
    }
    if (started == 0) {
        work();  // on the calling thread
        started = 1;
    }
    bool cancelled = false;
    {
        std::unique_lock lock(mutex);
        while (finished < started) {
            finished_cv.wait_for(lock, std::chrono::milliseconds(100));
            if (options.progress && finished < started && !cancelled) {
                lock.unlock();
                bool keep_going = true;
                try {
                    keep_going = options.progress(done.load(), n);
                } catch (...) {
                    stop.store(true);
                    for (std::thread& t : pool) t.join();
                    throw;
                }
                lock.lock();
                if (!keep_going) {
                    cancelled = true;
                    stop.store(true);
                }
            }
        }
    }
    for (std::thread& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    if (cancelled)
        throw cancelled_error(errc::cancelled, "", "stopped by the progress callback after " + std::to_string(done.load()) + " of " + std::to_string(n));
    if (options.progress) (void)options.progress(n, n);
}

}  // namespace libtco
