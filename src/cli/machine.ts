/** A description of the machine a benchmark ran on, recorded with its figures. */
import { availableParallelism, cpus, totalmem } from 'node:os';

export interface MachineInfo {
  readonly cpuModel: string;
  /** Logical processors this process may use (what `nproc` prints). */
  readonly nproc: number;
  readonly totalMemoryMb: number;
  readonly node: string;
  readonly platform: string;
}

export function machineInfo(): MachineInfo {
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    nproc: availableParallelism(),
    totalMemoryMb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}
