import { computed, getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue'
import { registryApi, type ImportJob } from '../registry-api'

export type ImportPhase = 'idle' | 'uploading' | 'processing' | 'done'
const POLL_MS = 500

/**
 * An import of persons from a CSV file: the upload (with its progress), then the job on the
 * server, asked again every half second until it is done or failed.
 */
export function useImport() {
  const phase = ref<ImportPhase>('idle')
  const uploaded = ref(0) // 0–1
  const job = shallowRef<ImportJob | null>(null)
  const error = shallowRef<unknown>(null)
  let controller: AbortController | null = null

  const wait = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, ms)
      signal.addEventListener('abort', () => {
        clearTimeout(timer)
        reject(new DOMException('Stopped', 'AbortError'))
      }, { once: true })
    })

  async function start(file: File, options: { dryRun: boolean; encoding: string; teamId?: number }) {
    controller?.abort()
    const mine = new AbortController()
    controller = mine
    error.value = null
    job.value = null
    uploaded.value = 0
    phase.value = 'uploading'
    try {
      const { id } = await registryApi.startImport(
        file,
        { dry_run: options.dryRun, encoding: options.encoding, team_id: options.teamId },
        (sent, total) => (uploaded.value = total ? sent / total : 0),
        mine.signal,
      )
      uploaded.value = 1
      phase.value = 'processing'
      for (;;) {
        job.value = await registryApi.importJob(id, mine.signal)
        if (job.value.state !== 'running') break
        await wait(POLL_MS, mine.signal)
      }
      phase.value = 'done'
    } catch (e) {
      if (mine.signal.aborted) return
      error.value = e
      phase.value = 'idle'
    } finally {
      if (controller === mine) controller = null
    }
  }

  if (getCurrentScope()) onScopeDispose(() => controller?.abort())
  const busy = computed(() => phase.value === 'uploading' || phase.value === 'processing')
  const processed = computed(() => (job.value && job.value.total_rows > 0 ? job.value.processed_rows / job.value.total_rows : 0))
  return { phase, uploaded, processed, job, error, busy, start }
}
