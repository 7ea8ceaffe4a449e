/** A description of the machine a benchmark ran on, recorded with its figures. */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
  readonly cpuModel: string;
  /** Logical processors this process may use (what `nproc` prints). */
  readonly nproc: number;
  readonly totalMemoryMb: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load average when the run started: other work on a shared machine skews timings. */
  readonly loadAverage: number;
}

export function machineInfo(): MachineInfo {
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    nproc: availableParallelism(),
    totalMemoryMb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  };
}
