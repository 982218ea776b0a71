// Live updates: polling while the page is visible, one refresh at a time.
export function every(ms, refresh) {
  let running = false;
  const tick = async () => {
    if (running || document.hidden) {
      return;
    }
    running = true;
    try {
      await refresh();
    } catch (e) {
      console.warn('refresh failed', e);
    } finally {
      running = false;
    }
  };
  return setInterval(tick, ms);
}
