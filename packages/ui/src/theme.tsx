import { Text, type TextProps } from 'ink';
import { createContext, useContext } from 'react';

/** Whether views may use colour; the caller decides (terminal, `NO_COLOR`, `TERM=dumb`). */
export const ColorContext = createContext(false);

/** Semantic tones, mapped to ink colours only when colour is on. */
export type Tone = 'plain' | 'muted' | 'accent' | 'good' | 'bad' | 'warn' | 'heading';

const TONE_COLORS: Record<Tone, string | undefined> = {
  plain: undefined,
  muted: 'gray',
  accent: 'cyan',
  good: 'green',
  bad: 'red',
  warn: 'yellow',
  heading: undefined,
};

export interface ToneTextProps extends Omit<TextProps, 'color' | 'backgroundColor' | 'dimColor'> {
  tone?: Tone;
}

/**
 * `<Text>` that only colours when colour is on. Rows truncate at the terminal width by default
 * (a wrapped row would change the frame's height and make the screen jump).
 */
export function T({ tone = 'plain', wrap = 'truncate-end', bold, ...rest }: ToneTextProps) {
  const color = useContext(ColorContext);
  const colorProps = color && TONE_COLORS[tone] ? { color: TONE_COLORS[tone] } : {};
  return <Text wrap={wrap} bold={bold ?? tone === 'heading'} {...colorProps} {...rest} />;
}
