/** Colours of the board. Shapes carry the meaning too, so the board reads in greyscale. */
export interface Theme {
  readonly background: string;
  readonly wall: string;
  readonly wallEdge: string;
  readonly floor: string;
  readonly floorAlt: string;
  readonly goal: string;
  readonly box: string;
  readonly boxEdge: string;
  readonly boxOnGoal: string;
  readonly boxOnGoalEdge: string;
  readonly mark: string;
  readonly player: string;
  readonly playerEdge: string;
  readonly selection: string;
}

export const defaultTheme: Theme = {
  background: 'transparent',
  wall: '#4a5568',
  wallEdge: '#2d3748',
  floor: '#f4efe6',
  floorAlt: '#ede6d9',
  goal: '#d9480f',
  box: '#c98b3c',
  boxEdge: '#7c4f17',
  boxOnGoal: '#2f9e44',
  boxOnGoalEdge: '#1b5e20',
  mark: '#fffdf7',
  player: '#1c7ed6',
  playerEdge: '#0b3d91',
  selection: '#f59f00',
};

/**
 * The board in the dark theme. The shapes are the same as in the light one (goal: a diamond;
 * box: a rounded square; box on goal: a rounded square with a light diamond), so the three stay
 * apart by shape alone, in greyscale too; the colours only keep them readable on a dark page.
 */
export const darkTheme: Theme = {
  background: 'transparent',
  wall: '#5b6472',
  wallEdge: '#3a414c',
  floor: '#23272e',
  floorAlt: '#282d35',
  goal: '#ff8a4c',
  box: '#d9a05b',
  boxEdge: '#f3d2a2',
  boxOnGoal: '#40c057',
  boxOnGoalEdge: '#b2f2bb',
  mark: '#f8f9fa',
  player: '#4dabf7',
  playerEdge: '#d0ebff',
  selection: '#fcc419',
};
