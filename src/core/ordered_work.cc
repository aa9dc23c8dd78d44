#include "core/ordered_work.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "core/fatal.h"

namespace receipts {

Status RunInOrder(std::size_t count, unsigned threads, std::size_t window,
                  const std::function<void(std::size_t)>& work,
                  const std::function<Status(std::size_t)>& take) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  window = std::max<std::size_t>(window, 1);
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, count));
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) {
      work(i);
      if (Status s = take(i); !s.ok()) return s;
    }
    return Status::Ok();
  }
  std::mutex mu;
  std::condition_variable changed;
  std::vector<char> done(count, 0);  // guarded by mu
  std::size_t next = 0;              // the next item to claim; guarded by mu
  std::size_t taken = 0;             // items taken; guarded by mu
  bool stop = false;                 // guarded by mu
  auto run = [&] {
    std::unique_lock<std::mutex> lock(mu);
    while (true) {
      changed.wait(lock, [&] { return stop || next >= count || next < taken + window; });
      if (stop || next >= count) return;
      const std::size_t i = next++;
      lock.unlock();
      work(i);
      lock.lock();
      done[i] = 1;
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  Status result;
  {
    struct Joiner {
      std::vector<std::thread>* pool;
      std::mutex* mu;
      std::condition_variable* changed;
      bool* stop;
      ~Joiner() {
        {
          std::lock_guard<std::mutex> lock(*mu);
          *stop = true;
        }
        changed->notify_all();
        for (std::thread& t : *pool) t.join();
      }
    } joiner{&pool, &mu, &changed, &stop};
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back([&run] { RunOrExit("parallel reader", run); });
    }
    for (std::size_t i = 0; i < count; ++i) {
      {
        std::unique_lock<std::mutex> lock(mu);
        changed.wait(lock, [&] { return done[i] != 0; });
      }
      result = take(i);
      std::lock_guard<std::mutex> lock(mu);
      taken = i + 1;
      changed.notify_all();
      if (!result.ok()) break;
    }
  }
  return result;
}

}  // namespace receipts
