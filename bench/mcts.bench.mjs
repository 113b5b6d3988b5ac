// MCTS speed, measured in the built site through the demo's test hook (src/demos/mcts/testApi.ts):
//   mcts_iterations_per_s_tictactoe  UCT iterations per second from the empty board, random rollouts,
//                                    in a fresh module worker (workers/mcts.worker.ts), through the
//                                    generic Game interface: fresh searches of 50,000 iterations back
//                                    to back for 1.5 s after a 5,000-iteration warm-up
//   mcts_iterations_per_s_connect4   the same for Connect Four
//   mcts_tree_render_ms_5000         one canvas frame of a tree of >= 5,000 visited nodes while
//                                    panning and zooming (median of 60 frames; target < 16 ms)
const round = (x) => Math.round(x * 100) / 100;

export default async function mctsBench({ baseURL, newPage }) {
  const page = await newPage();
  try {
    await page.goto(`${baseURL}lecture/optimal-control?test`);
    await page.locator('[data-demo-slot="mcts"]').scrollIntoViewIfNeeded();
    const demo = page.locator('[data-mcts]').first();
    await demo.waitFor({ timeout: 60_000 });
    const slot = await demo.getAttribute('data-mcts');
    await page.waitForFunction((id) => Boolean(window.__rlMcts?.[id]), slot);
    const ttt = await page.evaluate((id) => window.__rlMcts[id].benchIterations('tictactoe', 1500), slot);
    const c4 = await page.evaluate((id) => window.__rlMcts[id].benchIterations('connect4', 1500), slot);
    // A Connect Four tree of 6,000 iterations has about 6,000 visited nodes.
    await demo.getByTestId('mcts-game').selectOption('connect4');
    await demo.getByTestId('mcts-budget').fill('6000');
    await demo.getByTestId('mcts-budget').press('Enter');
    await demo.getByRole('button', { name: 'Fastest' }).click();
    await demo.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForFunction((id) => window.__rlMcts[id].state().iterations === 6000, slot, { timeout: 60_000 });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="mcts-tree"]')?.getAttribute('data-nodes')) >= 5000, null, { timeout: 30_000 });
    const render = await page.evaluate((id) => window.__rlMcts[id].benchRender(60), slot);
    return [
      { name: 'mcts_iterations_per_s_tictactoe', value: Math.round(ttt.perSecond), unit: 'iterations/s', better: 'higher', note: 'random rollouts, worker, generic interface, searches of 50,000 iterations; target >= 300,000, aim 500,000' },
      { name: 'mcts_iterations_per_s_connect4', value: Math.round(c4.perSecond), unit: 'iterations/s', better: 'higher', note: 'random rollouts, worker, generic interface, searches of 50,000 iterations' },
      { name: 'mcts_tree_render_ms_5000', value: round(render.median), unit: 'ms', better: 'lower', note: `${render.nodes} nodes, median of 60 panning frames (mean ${round(render.mean)}, max ${round(render.max)}); target < 16 ms` },
    ];
  } finally {
    await page.context().close();
  }
}
