// The tests start servers, a browser and a publish; on a two-core machine they are steadier one at a time, and
// the memory test measures a sample that nothing else is loading.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
