/** Props every demo component receives from the lecture slot it sits in. */
export interface DemoProps {
  /**
   * Unique id of the slot on the page. Demos namespace their URL parameters with it
   * (`?<slotId>.<param>=…`) so two demos on one page never collide.
   */
  slotId: string;
  /** Which flavour of the demo the lecture wants (e.g. 'soft' for soft value iteration). */
  variant?: string;
}
